import { z } from "zod";
import { loginInput, meOut, signupInput, signupOut } from "./services/auth/schemas";
import { apiKeyCreate, apiKeyCreatedOut, apiKeyOut } from "./services/api-keys/schemas";
import { auditEntryOut } from "./services/audit/schemas";
import { agentOut, agentStateOut, callOfferOut, stateInput } from "./services/agents/schemas";
import { wallboardOut } from "./services/wallboard/schemas";
import { transcriptOut } from "./services/transcripts/schemas";
import { evaluationInput, evaluationListOut, evaluationOut, evaluationsQuery, scorecardCreate, scorecardOut, scorecardUpdate } from "./services/quality/schemas";
import { agentReportOut, queueReportOut, reportFields } from "./services/reports/schemas";
import { callOut, callSummaryOut, wrapUpInput } from "./services/calls/schemas";
import { billingOut, checkoutInput, urlOut } from "./services/billing/schemas";
import { flowCreate, flowOut, flowUpdate, flowVersionOut } from "./services/flows/schemas";
import { hoursCreate, hoursOut, hoursUpdate } from "./services/hours/schemas";
import { settingsOut, settingsUpdate } from "./services/settings/schemas";
import { contactCreate, contactOut, contactUpdate, screenPopOut } from "./services/contacts/schemas";
import { dispositionInput, dispositionOut } from "./services/dispositions/schemas";
import { ticketCreate, ticketOut, ticketUpdate } from "./services/tickets/schemas";
import { numberCreate, numberOut, numberUpdate } from "./services/numbers/schemas";
import { trunkCreate, trunkOut, trunkUpdate } from "./services/trunks/schemas";
import { memberInput, memberOut, queueAgentOut, queueCreate, queueOut, queueUpdate } from "./services/queues/schemas";
import { skillCreate, skillOut, skillUpdate } from "./services/skills/schemas";
import { inviteAccept, userCreate, userCreateOut, userOut, userUpdate } from "./services/users/schemas";
import { promptOut, promptRename, promptUploadForm } from "./services/prompts/schemas";
import { deliveryOut, webhookCreate, webhookOut, webhookUpdate, webhookWithSecretOut } from "./services/webhooks/schemas";

type Method = "get" | "post" | "patch" | "put" | "delete";
interface Operation {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  access: "public" | "member" | "supervisor" | "admin";
  body?: z.ZodType;
  /** Query parameters, from an object schema's fields. */
  query?: z.ZodObject;
  /** A multipart/form-data request body (file uploads) instead of JSON. */
  form?: z.ZodType;
  response?: z.ZodType;
  /** A binary response of this media type instead of JSON. */
  produces?: string;
  /** Another media type the same operation answers with (CSV with ?format=csv). */
  alsoProduces?: string;
  status?: number;
}

const idParam = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);

/** Every /api/v1 operation: the same zod schemas the adapters validate with. */
export const operations: Operation[] = [
  { method: "post", path: "/signup", summary: "Create a tenant and its first admin", tag: "Accounts", access: "public", body: signupInput, response: signupOut, status: 201 },
  { method: "post", path: "/sessions", summary: "Sign in (sets the session cookie)", tag: "Accounts", access: "public", body: loginInput, response: signupOut },
  { method: "get", path: "/sessions", summary: "The signed-in user and tenant", tag: "Accounts", access: "member", response: meOut },
  { method: "delete", path: "/sessions", summary: "Sign out", tag: "Accounts", access: "public", status: 204 },
  { method: "get", path: "/skills", summary: "List skills", tag: "Skills", access: "member", response: z.array(skillOut) },
  { method: "post", path: "/skills", summary: "Create a skill", tag: "Skills", access: "admin", body: skillCreate, response: skillOut, status: 201 },
  { method: "get", path: "/skills/{id}", summary: "Read a skill", tag: "Skills", access: "member", response: skillOut },
  { method: "patch", path: "/skills/{id}", summary: "Update a skill", tag: "Skills", access: "admin", body: skillUpdate, response: skillOut },
  { method: "delete", path: "/skills/{id}", summary: "Delete a skill", tag: "Skills", access: "admin", status: 204 },
  { method: "get", path: "/users", summary: "List users", tag: "Users", access: "supervisor", response: z.array(userOut) },
  { method: "post", path: "/users", summary: "Create a user (with a password) or invite one (without)", tag: "Users", access: "admin", body: userCreate, response: userCreateOut, status: 201 },
  { method: "get", path: "/users/{id}", summary: "Read a user", tag: "Users", access: "supervisor", response: userOut },
  { method: "patch", path: "/users/{id}", summary: "Update a user (role, skills, status, password, SIP endpoint)", tag: "Users", access: "admin", body: userUpdate, response: userOut },
  { method: "delete", path: "/users/{id}", summary: "Delete a user", tag: "Users", access: "admin", status: 204 },
  { method: "post", path: "/invites/accept", summary: "Accept an invite: set a password and sign in", tag: "Users", access: "public", body: inviteAccept, response: signupOut },
  { method: "get", path: "/queues", summary: "List queues", tag: "Queues", access: "member", response: z.array(queueOut) },
  { method: "post", path: "/queues", summary: "Create a queue", tag: "Queues", access: "admin", body: queueCreate, response: queueOut, status: 201 },
  { method: "get", path: "/queues/{id}", summary: "Read a queue", tag: "Queues", access: "member", response: queueOut },
  { method: "patch", path: "/queues/{id}", summary: "Update a queue", tag: "Queues", access: "admin", body: queueUpdate, response: queueOut },
  { method: "delete", path: "/queues/{id}", summary: "Delete a queue", tag: "Queues", access: "admin", status: 204 },
  { method: "get", path: "/queues/{id}/agents", summary: "List a queue's agents", tag: "Queues", access: "member", response: z.array(queueAgentOut) },
  { method: "post", path: "/queues/{id}/agents", summary: "Add an agent to a queue (200 when already a member)", tag: "Queues", access: "admin", body: memberInput, response: memberOut, status: 201 },
  { method: "delete", path: "/queues/{id}/agents", summary: "Remove an agent from a queue", tag: "Queues", access: "admin", body: memberInput, status: 204 },
  { method: "get", path: "/trunks", summary: "List SIP trunks", tag: "Telephony", access: "admin", response: z.array(trunkOut) },
  { method: "post", path: "/trunks", summary: "Create a SIP trunk (passwords are stored sealed and never returned)", tag: "Telephony", access: "admin", body: trunkCreate, response: trunkOut, status: 201 },
  { method: "get", path: "/trunks/{id}", summary: "Read a trunk with its OPTIONS health", tag: "Telephony", access: "admin", response: trunkOut },
  { method: "patch", path: "/trunks/{id}", summary: "Update a trunk (a password left out is kept)", tag: "Telephony", access: "admin", body: trunkUpdate, response: trunkOut },
  { method: "delete", path: "/trunks/{id}", summary: "Delete a trunk", tag: "Telephony", access: "admin", status: 204 },
  { method: "get", path: "/numbers", summary: "List phone numbers", tag: "Telephony", access: "member", response: z.array(numberOut) },
  { method: "post", path: "/numbers", summary: "Add an E.164 number routed to a queue, flow or user", tag: "Telephony", access: "admin", body: numberCreate, response: numberOut, status: 201 },
  { method: "get", path: "/numbers/{id}", summary: "Read a number", tag: "Telephony", access: "member", response: numberOut },
  { method: "patch", path: "/numbers/{id}", summary: "Change a number's destination", tag: "Telephony", access: "admin", body: numberUpdate, response: numberOut },
  { method: "delete", path: "/numbers/{id}", summary: "Remove a number", tag: "Telephony", access: "admin", status: 204 },
  { method: "get", path: "/dispositions", summary: "List wrap-up dispositions", tag: "Calls", access: "member", response: z.array(dispositionOut) },
  { method: "post", path: "/dispositions", summary: "Add a disposition", tag: "Calls", access: "admin", body: dispositionInput, response: dispositionOut, status: 201 },
  { method: "patch", path: "/dispositions/{id}", summary: "Rename a disposition", tag: "Calls", access: "admin", body: dispositionInput, response: dispositionOut },
  { method: "delete", path: "/dispositions/{id}", summary: "Delete a disposition (calls keep no reference)", tag: "Calls", access: "admin", status: 204 },
  { method: "get", path: "/contacts", summary: "Contacts by name (?q= searches name, number, email)", tag: "Contacts", access: "member", response: z.array(contactOut) },
  { method: "post", path: "/contacts", summary: "Create a contact (number unique per organization)", tag: "Contacts", access: "member", body: contactCreate, response: contactOut, status: 201 },
  { method: "get", path: "/contacts/lookup", summary: "Screen pop for ?phone=: the contact (created when new), past calls, open tickets", tag: "Contacts", access: "member", response: screenPopOut },
  { method: "get", path: "/contacts/{id}", summary: "Read a contact", tag: "Contacts", access: "member", response: contactOut },
  { method: "patch", path: "/contacts/{id}", summary: "Update a contact", tag: "Contacts", access: "member", body: contactUpdate, response: contactOut },
  { method: "delete", path: "/contacts/{id}", summary: "Delete a contact", tag: "Contacts", access: "admin", status: 204 },
  { method: "get", path: "/tickets", summary: "Tickets, recently changed first (?status=, ?contactId=, ?assigneeId=)", tag: "Tickets", access: "member", response: z.array(ticketOut) },
  { method: "post", path: "/tickets", summary: "Create a ticket (from a call, for a contact, assigned to a user)", tag: "Tickets", access: "member", body: ticketCreate, response: ticketOut, status: 201 },
  { method: "get", path: "/tickets/{id}", summary: "Read a ticket", tag: "Tickets", access: "member", response: ticketOut },
  { method: "patch", path: "/tickets/{id}", summary: "Update a ticket", tag: "Tickets", access: "member", body: ticketUpdate, response: ticketOut },
  { method: "delete", path: "/tickets/{id}", summary: "Delete a ticket", tag: "Tickets", access: "admin", status: 204 },
  { method: "get", path: "/settings", summary: "Organization settings: call recording on/off and retention, transcription on/off", tag: "Accounts", access: "member", response: settingsOut },
  { method: "patch", path: "/settings", summary: "Change call recording, its retention (days), and transcription", tag: "Accounts", access: "admin", body: settingsUpdate, response: settingsOut },
  { method: "get", path: "/calls/{id}/transcript", summary: "The call's transcript from its recording: each side's utterances in order, PII masked (or its status while on its way)", tag: "Calls", access: "member", response: transcriptOut },
  { method: "post", path: "/calls/{id}/transcript", summary: "Transcribe a recorded call now (again, if its transcript is done or failed)", tag: "Calls", access: "supervisor", response: transcriptOut, status: 202 },
  { method: "get", path: "/calls/{id}/recording", summary: "The call's recording: stereo WAV, caller left, agent right (decrypted as it streams); a Range: bytes= header gets 206 with Content-Range, or 416 past the end", tag: "Calls", access: "member" },
  { method: "get", path: "/business-hours", summary: "List business hours (with whether each is open now)", tag: "Telephony", access: "member", response: z.array(hoursOut) },
  { method: "post", path: "/business-hours", summary: "Create business hours: weekly opening times in a time zone, and holidays", tag: "Telephony", access: "admin", body: hoursCreate, response: hoursOut, status: 201 },
  { method: "get", path: "/business-hours/{id}", summary: "Read business hours", tag: "Telephony", access: "member", response: hoursOut },
  { method: "patch", path: "/business-hours/{id}", summary: "Update business hours", tag: "Telephony", access: "admin", body: hoursUpdate, response: hoursOut },
  { method: "delete", path: "/business-hours/{id}", summary: "Delete business hours", tag: "Telephony", access: "admin", status: 204 },
  { method: "get", path: "/flows", summary: "List IVR flows", tag: "IVR", access: "admin", response: z.array(z.object({ id: z.uuid(), name: z.string(), publishedVersion: z.number().nullable(), updatedAt: z.iso.datetime() })) },
  { method: "post", path: "/flows", summary: "Create an IVR flow (a draft)", tag: "IVR", access: "admin", body: flowCreate, response: flowOut, status: 201 },
  { method: "get", path: "/flows/{id}", summary: "A flow: its draft with problems, and the published version", tag: "IVR", access: "admin", response: flowOut },
  { method: "patch", path: "/flows/{id}", summary: "Save a flow's draft (problems are reported, not refused)", tag: "IVR", access: "admin", body: flowUpdate, response: flowOut },
  { method: "post", path: "/flows/{id}/publish", summary: "Publish the draft as the next version (refused while it has problems)", tag: "IVR", access: "admin", response: flowOut },
  { method: "get", path: "/flows/{id}/versions", summary: "A flow's published versions", tag: "IVR", access: "admin", response: z.array(flowVersionOut) },
  { method: "delete", path: "/flows/{id}", summary: "Delete a flow no number routes to", tag: "IVR", access: "admin", status: 204 },
  { method: "get", path: "/billing", summary: "Plan, seats used and paid, next invoice (enabled: false in self-hosted mode)", tag: "Billing", access: "admin", response: billingOut },
  { method: "post", path: "/billing/checkout", summary: "A Stripe Checkout session (subscription, per seat) for the tenant", tag: "Billing", access: "admin", body: checkoutInput, response: urlOut },
  { method: "post", path: "/billing/portal", summary: "The Stripe Customer Portal for the tenant", tag: "Billing", access: "admin", response: urlOut },
  { method: "get", path: "/calls", summary: "List calls, newest first (?state=, ?limit=)", tag: "Calls", access: "member", response: z.array(callSummaryOut) },
  { method: "get", path: "/calls/{id}", summary: "A call's whole record: queue, wait, offers, agent, talk and hold time, transfers, wrap-up, timeline", tag: "Calls", access: "member", response: callOut },
  { method: "post", path: "/calls/{id}/wrap-up", summary: "File the disposition and notes of an ended call; the agent is Available again", tag: "Calls", access: "member", body: wrapUpInput, response: callOut },
  { method: "get", path: "/agents", summary: "Every user with their agent state (colleagues' presence, transfer targets, wallboard)", tag: "Agents", access: "member", response: z.array(agentOut) },
  { method: "get", path: "/agents/me/state", summary: "The signed-in agent's state, with the offer ringing for them if any", tag: "Agents", access: "member", response: agentStateOut.extend({ offer: callOfferOut.nullable() }) },
  { method: "put", path: "/agents/me/state", summary: "Choose Available, Break (with a reason) or Offline", tag: "Agents", access: "member", body: stateInput, response: agentStateOut },
  { method: "put", path: "/agents/{id}/state", summary: "A supervisor sets an agent's state (Available, Break, Offline; 409 while they ring or talk); audited", tag: "Agents", access: "supervisor", body: stateInput, response: agentStateOut },
  { method: "get", path: "/reports/queues", summary: "Historical figures per queue and interval (hour, day or week of wall-clock time in a time zone): offered, answered, service level, abandoned, ASA, AHT, longest wait; with totals. ?format=csv downloads the rows", tag: "Reports", access: "supervisor", query: reportFields, response: queueReportOut, alsoProduces: "text/csv" },
  { method: "get", path: "/reports/agents", summary: "Historical figures per agent and interval: calls handled, talk, hold and wrap-up time, AHT, offers missed and declined; with totals. ?format=csv downloads the rows", tag: "Reports", access: "supervisor", query: reportFields, response: agentReportOut, alsoProduces: "text/csv" },
  { method: "get", path: "/scorecards", summary: "The organization's QA scorecards: weighted criteria scored 0-5 on a call", tag: "Quality", access: "member", response: z.array(scorecardOut) },
  { method: "post", path: "/scorecards", summary: "Create a scorecard", tag: "Quality", access: "admin", body: scorecardCreate, response: scorecardOut, status: 201 },
  { method: "get", path: "/scorecards/{id}", summary: "Read a scorecard", tag: "Quality", access: "member", response: scorecardOut },
  { method: "patch", path: "/scorecards/{id}", summary: "Rename a scorecard, or change its criteria while no call was scored with it (409 after)", tag: "Quality", access: "admin", body: scorecardUpdate, response: scorecardOut },
  { method: "delete", path: "/scorecards/{id}", summary: "Delete a scorecard no call was scored with (409 otherwise)", tag: "Quality", access: "admin", status: 204 },
  { method: "get", path: "/calls/{id}/evaluations", summary: "A call's QA scores (an agent: only calls they handled)", tag: "Quality", access: "member", response: z.array(evaluationOut) },
  { method: "post", path: "/calls/{id}/evaluations", summary: "Score a call an agent answered on a scorecard (every criterion 0-5 or null for N/A); again replaces your earlier scores", tag: "Quality", access: "supervisor", body: evaluationInput, response: evaluationOut, status: 201 },
  { method: "get", path: "/evaluations", summary: "The latest QA scores with their average (?agentId=, ?limit=); an agent sees only their own", tag: "Quality", access: "member", query: evaluationsQuery, response: evaluationListOut },
  { method: "get", path: "/wallboard", summary: "Live figures per queue: waiting, longest wait, service level, ASA, AHT, abandon rate, agents by state, occupancy (calls of the last 24 hours), and the alert thresholds each queue breaches now", tag: "Wallboard", access: "supervisor", response: wallboardOut },
  { method: "get", path: "/api-keys", summary: "List API keys (never the keys themselves)", tag: "API keys", access: "admin", response: z.array(apiKeyOut) },
  { method: "post", path: "/api-keys", summary: "Create an API key (shown once)", tag: "API keys", access: "admin", body: apiKeyCreate, response: apiKeyCreatedOut, status: 201 },
  { method: "delete", path: "/api-keys/{id}", summary: "Revoke an API key", tag: "API keys", access: "admin", status: 204 },
  { method: "get", path: "/webhooks", summary: "List webhooks with each one's latest delivery (never the secrets)", tag: "Webhooks", access: "admin", response: z.array(webhookOut) },
  { method: "post", path: "/webhooks", summary: "Add a webhook for call and ticket events; the answer carries its signing secret, shown only this once", tag: "Webhooks", access: "admin", body: webhookCreate, response: webhookWithSecretOut, status: 201 },
  { method: "get", path: "/webhooks/{id}", summary: "Read a webhook", tag: "Webhooks", access: "admin", response: webhookOut },
  { method: "patch", path: "/webhooks/{id}", summary: "Change a webhook's URL, description, events or active switch", tag: "Webhooks", access: "admin", body: webhookUpdate, response: webhookOut },
  { method: "delete", path: "/webhooks/{id}", summary: "Delete a webhook and its deliveries", tag: "Webhooks", access: "admin", status: 204 },
  { method: "post", path: "/webhooks/{id}/rotate-secret", summary: "Replace the signing secret (the new one is shown only this once)", tag: "Webhooks", access: "admin", response: webhookWithSecretOut },
  { method: "get", path: "/webhooks/{id}/deliveries", summary: "A webhook's latest 50 deliveries, newest first", tag: "Webhooks", access: "admin", response: z.array(deliveryOut) },
  { method: "post", path: "/webhooks/{id}/test", summary: "Queue a signed `ping` event to this webhook", tag: "Webhooks", access: "admin", response: deliveryOut, status: 202 },
  { method: "get", path: "/prompts", summary: "List uploaded audio prompts (without their audio)", tag: "IVR", access: "member", response: z.array(promptOut) },
  { method: "post", path: "/prompts", summary: "Upload a WAV or MP3 as a prompt (multipart: name, file); stored as 8 kHz G.711 mu-law", tag: "IVR", access: "admin", form: promptUploadForm, response: promptOut, status: 201 },
  { method: "get", path: "/prompts/{id}", summary: "Read a prompt", tag: "IVR", access: "member", response: promptOut },
  { method: "patch", path: "/prompts/{id}", summary: "Rename a prompt", tag: "IVR", access: "admin", body: promptRename, response: promptOut },
  { method: "delete", path: "/prompts/{id}", summary: "Delete a prompt no flow's draft or published version plays (409 otherwise)", tag: "IVR", access: "admin", status: 204 },
  { method: "get", path: "/prompts/{id}/audio", summary: "The prompt as callers hear it: 16-bit PCM WAV, 8 kHz mono", tag: "IVR", access: "member", produces: "audio/wav" },
  { method: "get", path: "/audit-log", summary: "The audit log, newest first (?limit=1..500)", tag: "Audit", access: "admin", response: z.array(auditEntryOut) },
];

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any" });
const outSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: "output", unrepresentable: "any" });

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string" }, message: { type: "string" }, details: {} },
    },
  },
};

export function buildOpenApi() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const status = String(op.status ?? 200);
    const responses: Record<string, unknown> = {
      [status]: op.produces
        ? { description: "Success", content: { [op.produces]: { schema: { type: "string", format: "binary" } } } }
        : op.response
          ? {
              description: "Success",
              content: { "application/json": { schema: outSchema(op.response) }, ...(op.alsoProduces ? { [op.alsoProduces]: { schema: { type: "string" } } } : {}) },
            }
          : { description: "Success, no content" },
      default: { description: "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
    };
    (paths[`/api/v1${op.path}`] ??= {})[op.method] = {
      summary: op.summary,
      tags: [op.tag],
      security: op.access === "public" ? [] : [{ bearerAuth: [] }, { sessionCookie: [] }],
      "x-required-role": op.access,
      parameters: [
        ...idParam(op.path).map((name) => ({ name, in: "path", required: true, schema: { type: "string", format: "uuid" } })),
        ...Object.entries(op.query?.shape ?? {}).map(([name, field]) => ({ name, in: "query", required: !(field as z.ZodType).safeParse(undefined).success, schema: schema(field as z.ZodType) })),
      ],
      ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: schema(op.body) } } } } : {}),
      ...(op.form ? { requestBody: { required: true, content: { "multipart/form-data": { schema: schema(op.form) } } } } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Hotline API", version: "1.0.0", description: "Errors are { error: { code, message } } with the matching HTTP status." },
    servers: [{ url: "/" }],
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "An API key from POST /api/v1/api-keys" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "hl_session" },
      },
    },
  };
}
