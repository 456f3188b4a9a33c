/** Why an uploaded file cannot become a prompt; the message is shown to the admin as is. */
export type PromptAudioProblem = "format" | "too_long" | "empty" | "too_large";

export class PromptAudioError extends Error {
  override readonly name = "PromptAudioError";
  constructor(
    readonly problem: PromptAudioProblem,
    message: string,
  ) {
    super(message);
  }
}

export const notAudio = (why?: string) => new PromptAudioError("format", why ? `not a WAV or MP3 file: ${why}` : "not a WAV or MP3 file");
export const emptyAudio = () => new PromptAudioError("empty", "empty audio: the file holds no samples");
