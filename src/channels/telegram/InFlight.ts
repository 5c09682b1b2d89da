/** Keeps track of running work so stop() can wait for it to finish. */
export class InFlight {
  readonly #tasks = new Set<Promise<unknown>>();

  get size(): number {
    return this.#tasks.size;
  }

  /** Runs task and remembers it until it settles; the result (or rejection) passes through. */
  track<T>(task: Promise<T>): Promise<T> {
    this.#tasks.add(task);
    const forget = () => this.#tasks.delete(task);
    task.then(forget, forget);
    return task;
  }

  /** Resolves once nothing is running, including work that started while waiting. */
  async drain(): Promise<void> {
    while (this.#tasks.size > 0) await Promise.allSettled([...this.#tasks]);
  }
}
