import { route } from "@/server/http/route";
import { settingsUpdate } from "@/server/services/settings/schemas";

export const GET = route({ access: "member" }, (s, { ctx }) => s.settings.get({ ctx }));
export const PATCH = route({ access: "admin", body: settingsUpdate }, (s, { ctx, body }) => s.settings.update({ ctx, input: body }));
