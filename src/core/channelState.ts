/**
 * What a channel adapter tells the service about itself, for /readyz, metrics and the
 * secretariat's alert. `standby`: configured but held by another process (the dispatcher).
 */
export type ChannelState =
  | { state: "starting" }
  | { state: "connected" }
  | { state: "standby" }
  | { state: "disconnected"; reason: string }
  | { state: "fatal"; reason: string };
