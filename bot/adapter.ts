import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type BotState,
  type TurnContext,
} from "botbuilder";
import type { Config } from "../core/config.js";
import { isAppError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { keepEntityProperties } from "./connector-entities.js";

/**
 * The CloudAdapter, able also to run an activity in-process and hand back its replies,
 * exactly as POST /api/messages with deliveryMode "expectReplies" does (the turn-error
 * handler's apology included). The local web chat transport uses it; it needs the
 * anonymous (no credentials) configuration, the only one that transport is served in.
 */
export class SafeguardingAdapter extends CloudAdapter {
  async runExpectingReplies(activity: object, logic: (context: TurnContext) => Promise<void>): Promise<Partial<Activity>[]> {
    const response = await this.processActivity("", { ...activity, deliveryMode: "expectReplies" } as Activity, logic);
    return (response?.body as { activities?: Partial<Activity>[] } | undefined)?.activities ?? [];
  }
}

/**
 * The Bot Framework adapter. With no MicrosoftAppId the connector accepts anonymous
 * calls (Emulator, curl); with credentials, unauthenticated calls are refused (401).
 */
export function createAdapter(config: Config, logger: Logger, dialogState: BotState): SafeguardingAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.bot.appId ?? "",
    MicrosoftAppPassword: config.bot.appPassword ?? "",
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.tenantId ?? "",
  });
  const adapter = new SafeguardingAdapter(auth);
  // Citations and the AI label travel in entities; the connector would drop them.
  keepEntityProperties();

  // One turn-error handler (STYLE.md §7): log without user text, apologise plainly,
  // and reset the conversation so the next message starts clean.
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    logger.error(
      {
        event: "turn_error",
        channelId: context.activity.channelId,
        code: isAppError(error) ? error.code : "internal",
        err: { type: error instanceof Error ? error.name : typeof error, message: isAppError(error) ? error.message : undefined },
      },
      "turn failed",
    );
    try {
      const words = isAppError(error) && error.code === "invalid_input"
        ? error.message
        : "Sorry, something went wrong on my side and I could not finish that. Please try again. If a child is in immediate danger, call 999.";
      await context.sendActivity(words);
      await dialogState.delete(context);
    } catch (e) {
      logger.error({ event: "turn_error_reply_failed", err: { type: e instanceof Error ? e.name : typeof e } }, "could not reply after a turn error");
    }
  };
  return adapter;
}
