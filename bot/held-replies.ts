import type { Activity, ResourceResponse, TurnContext } from "botbuilder";

/**
 * Holds a turn's replies until its state is saved. A turn redone after a state
 * conflict must not have said anything yet: what it said the first time was about a
 * state that was never kept. The signpost is sent before holding starts, so it is
 * never held back.
 */
export class HeldReplies {
  private held: Partial<Activity>[] = [];
  private holding = false;

  constructor(private readonly context: TurnContext) {
    context.onSendActivities(async (_ctx, activities, next): Promise<ResourceResponse[]> => {
      if (!this.holding) return next();
      this.held.push(...activities);
      return activities.map(() => ({ id: "" }));
    });
  }

  hold(): void {
    this.held = [];
    this.holding = true;
  }

  discard(): void {
    this.held = [];
    this.holding = false;
  }

  async release(): Promise<void> {
    this.holding = false;
    const held = this.held;
    this.held = [];
    if (held.length > 0) await this.context.sendActivities(held);
  }
}
