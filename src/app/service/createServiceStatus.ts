import type { ChannelState } from "../../core/channelState.ts";
import type { ChannelName } from "../../core/messages.ts";

/** This process's role among the bot processes on one database (ADR 0008). */
export type ServiceRole = "dispatcher" | "receiver";

/**
 * What this process knows about itself, for /readyz and the fatal-channel alert: the state of
 * each configured channel, its role, and when the dispatcher's loop last went round.
 */
export interface ServiceStatus {
  setChannel(channel: ChannelName, state: ChannelState): void;
  channels(): ReadonlyMap<ChannelName, ChannelState>;
  setRole(role: ServiceRole): void;
  role(): ServiceRole;
  /** The dispatcher's loop calls this every round. */
  beat(at?: Date): void;
  lastBeat(): Date | undefined;
}

export function createServiceStatus(): ServiceStatus {
  const channels = new Map<ChannelName, ChannelState>();
  let role: ServiceRole = "receiver";
  let beat: Date | undefined;
  return {
    setChannel: (channel, state) => void channels.set(channel, state),
    channels: () => channels,
    setRole: (r) => {
      role = r;
    },
    role: () => role,
    beat: (at = new Date()) => {
      beat = at;
    },
    lastBeat: () => beat,
  };
}
