/**
 * Runs one chat's tasks one after another (a promise chain per chat) while different chats
 * proceed concurrently, and can wait for everything in flight (graceful stop).
 */
export interface ChatQueue {
  /** Queues the task behind the chat's earlier ones; the returned promise never rejects. */
  run(chatKey: string, task: () => Promise<void>): Promise<void>;
  /** Resolves when every queued and running task has finished. */
  drain(): Promise<void>;
}

export function createChatQueue(onError: (error: unknown, chatKey: string) => void): ChatQueue {
  const tails = new Map<string, Promise<void>>();
  return {
    run(chatKey, task) {
      const previous = tails.get(chatKey) ?? Promise.resolve();
      const next = previous.then(task).catch((error: unknown) => onError(error, chatKey));
      tails.set(chatKey, next);
      void next.then(() => {
        if (tails.get(chatKey) === next) tails.delete(chatKey);
      });
      return next;
    },
    async drain() {
      while (tails.size > 0) await Promise.all([...tails.values()]);
    },
  };
}
