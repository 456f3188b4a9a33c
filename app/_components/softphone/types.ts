// What the softphone gets from the server, named for the browser side.
export type { AgentStateOut as AgentState, AgentStateName, CallOffer, LiveCall } from "@/server/context";
export type { CallOut as CallRecord } from "@/server/services/calls/schemas";

export type OfferResult = "answered" | "declined" | "missed" | "cancelled";
