import { z } from "zod";
import { isTimeZone } from "../../ivr/hours";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "must be HH:MM");
const weekly = z
  .array(z.strictObject({ day: z.number().int().min(0).max(6), open: hhmm, close: hhmm }))
  .max(21)
  .superRefine((list, c) => list.forEach((w, i) => w.open >= w.close && c.addIssue({ code: "custom", path: [i, "close"], message: "must be after open" })));
const holidays = z.array(z.strictObject({ date: z.iso.date(), name: z.string().trim().min(1).max(80) })).max(200);

export const hoursCreate = z.strictObject({
  name: z.string().trim().min(1, "is required").max(80),
  timeZone: z.string().refine(isTimeZone, "is not a known time zone (IANA, like Europe/Paris)"),
  weekly,
  holidays: holidays.default([]),
});
export const hoursUpdate = hoursCreate.partial();
export type HoursCreate = z.infer<typeof hoursCreate>;
export type HoursUpdate = z.infer<typeof hoursUpdate>;

export const hoursOut = z.object({
  id: z.uuid(),
  name: z.string(),
  timeZone: z.string(),
  weekly: z.array(z.object({ day: z.number(), open: z.string(), close: z.string() })),
  holidays: z.array(z.object({ date: z.string(), name: z.string() })),
  openNow: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
