import { z } from "zod";

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const url = (protocols: string[]) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, `must be a URL starting with ${protocols.join(" or ")}//`);

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    HOST: z.string().min(1).default("0.0.0.0"),
    PORT: port(3000),
    PUBLIC_URL: url(["http:", "https:"]).optional(),
    DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_URL: url(["postgres:", "postgresql:"]).optional(),
    REDIS_URL: url(["redis:", "rediss:"]).optional(),
    APP_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    SIP_HOST: z.string().min(1).default("0.0.0.0"),
    SIP_PORT: port(5060),
    SIP_PUBLIC_IP: z.ipv4().optional(),
    RTC_MIN_PORT: port(40000),
    RTC_MAX_PORT: port(49999),
    RTC_ANNOUNCED_IP: z.string().min(1).optional(),
    /** Address mediasoup and the SIP legs' RTP listen on; set 0.0.0.0 with RTC_ANNOUNCED_IP behind NAT. */
    RTC_LISTEN_IP: z.ipv4().default("127.0.0.1"),
    /** "off" runs the web app without the SIP gateway and media plane (API-only nodes, tests). */
    TELEPHONY: z.enum(["on", "off"]).default("on"),
    MEDIA_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
    /** Concurrent calls this node takes; beyond it new INVITEs get 503 with Retry-After. */
    MAX_CALLS: z.coerce.number().int().min(1).default(1000),
    /** How far behind (ms) the event loop may fall before new INVITEs get 503 until it keeps up (past 200 ms the media clock drops frames); 0 never sheds. */
    LOAD_SHED_LAG_MS: z.coerce.number().int().min(0).max(60_000).default(250),
    /** "on" lets webhooks reach loopback, private and link-local addresses (on-premises receivers, tests). */
    WEBHOOKS_ALLOW_PRIVATE: z.enum(["on", "off"]).default("off"),
    /** On stop, how long live calls may go on (new ones get 503) before they are ended. */
    DRAIN_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
    /** This node's name in call records; defaults to host:SIP port (a restart finds the calls its previous run left open). */
    NODE_ID: z.string().min(1).max(100).optional(),
    /** A node whose database heartbeat is silent this long is declared lost by the others, which end its calls. */
    NODE_LOST_SECONDS: z.coerce.number().int().min(2).max(3600).default(30),
    /** TURN servers handed to browsers: comma-separated turn:/turns: URLs, with one username/credential. */
    TURN_URLS: z
      .string()
      .regex(/^(turns?:[^,\s]+)(,turns?:[^,\s]+)*$/, "must be comma-separated turn: or turns: URLs")
      .optional(),
    TURN_USERNAME: z.string().min(1).optional(),
    TURN_CREDENTIAL: z.string().min(1).optional(),
    SIGNUP_LIMIT_PER_HOUR: z.coerce.number().int().min(1).default(5),
    LOGIN_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    STRIPE_SECRET_KEY: z.string().startsWith("sk_", "must start with sk_").optional(),
    STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_", "must start with whsec_").optional(),
    STRIPE_PRICE_ID: z.string().startsWith("price_", "must start with price_").optional(),
    STRIPE_API_URL: url(["http:", "https:"]).optional(),
    STRIPE_TRIAL_DAYS: z.coerce.number().int().min(0).max(365).default(14),
    /** Days a past_due subscription keeps taking calls before they stop. */
    BILLING_GRACE_DAYS: z.coerce.number().int().min(0).max(90).default(7),
    /**
     * Speech to text for call transcripts: "pocketsphinx" (local, English), "http" (an
     * OpenAI-style transcriptions endpoint at TRANSCRIPTION_URL), "off", or "auto": PocketSphinx
     * when it is installed, else off.
     */
    TRANSCRIPTION: z.enum(["auto", "off", "pocketsphinx", "http"]).default("auto"),
    TRANSCRIPTION_URL: url(["http:", "https:"]).optional(),
    TRANSCRIPTION_API_KEY: z.string().min(1).optional(),
    TRANSCRIPTION_MODEL: z.string().min(1).default("whisper-1"),
    /** ISO 639-1 hint for the http provider ("en"); it detects the language when unset. */
    TRANSCRIPTION_LANGUAGE: z.string().regex(/^[a-z]{2}$/, "must be a two-letter ISO 639-1 code such as en").optional(),
  })
  .refine((e) => !e.STRIPE_SECRET_KEY || (e.STRIPE_WEBHOOK_SECRET && e.STRIPE_PRICE_ID), {
    message: "with STRIPE_SECRET_KEY set, STRIPE_WEBHOOK_SECRET and STRIPE_PRICE_ID are needed too",
    path: ["STRIPE_SECRET_KEY"],
  })
  .refine((e) => e.TRANSCRIPTION !== "http" || e.TRANSCRIPTION_URL, {
    message: "with TRANSCRIPTION=http, TRANSCRIPTION_URL (the transcriptions endpoint) is needed",
    path: ["TRANSCRIPTION"],
  })
  .refine((e) => e.RTC_MIN_PORT <= e.RTC_MAX_PORT, {
    message: "RTC_MIN_PORT must not be greater than RTC_MAX_PORT",
    path: ["RTC_MIN_PORT"],
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Validates the environment once, at boot. Empty strings count as unset. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((i) => {
      const key = i.path.join(".") || "environment";
      const value = typeof i.path[0] === "string" ? cleaned[i.path[0]] : undefined;
      const shown = value === undefined || /SECRET|KEY|PASSWORD|URL/.test(key) ? "" : ` (got "${value}")`;
      return `${key}: ${i.message}${shown}`;
    }),
  );
}
