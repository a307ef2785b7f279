/**
 * The weekly plan: whether the trigger is on and when it next runs, the plan on demand, closing
 * the week, and marking the chosen client's debt inventory reviewed.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ClientSummary } from '../src/domain/client';
import type { PlanResult, WeeklyStatus } from '../src/main';
import { server } from './server';
import { useActionButtons } from './action-button';

function when(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

function told(r: PlanResult, mailed: string): string {
  return r.partial
    ? `Plan for the week of ${r.weekStart} written; ${r.partial}`
    : `Plan for the week of ${r.weekStart} written and ${mailed} to ${r.mailedTo}`;
}

export function WeeklyPanel(props: {
  onMessage: (text: string, failed?: boolean) => void;
  client?: Pick<ClientSummary, 'id' | 'name'> | undefined;
}) {
  const { client } = props;
  const [status, setStatus] = useState<WeeklyStatus | null>(null);
  const load = () => {
    server
      .getWeeklyTrigger()
      .then(setStatus)
      .catch(() => setStatus(null));
  };
  // A plan generated from the menu or by the trigger is not told to the sidebar: its status is
  // asked again whenever the person comes back to the sidebar (one handler, however often shown).
  useEffect(() => {
    load();
    onfocus = load;
  }, []);
  const button = useActionButtons(props.onMessage, load);
  if (!status) return null;
  return (
    <section class="weekly" aria-label="Weekly plan">
      <h3>Weekly plan</h3>
      <p>
        {status.installed && status.nextRun
          ? `On: next run ${when(status.nextRun, status.timeZone)} (${status.timeZone}).`
          : 'Off: no weekly trigger for this registry.'}
        {status.lastRun &&
          (status.lastRun.ok
            ? status.lastRun.partial
              ? ` Last run ${status.lastRun.at}: plan written; ${status.lastRun.partial}`
              : ` Last run ${status.lastRun.at}.`
            : ` Last run failed ${status.lastRun.at}: ${status.lastRun.error}`)}
      </p>
      {status.installed && !status.yours && status.owner && (
        <p class="note" role="note">
          Run by {status.owner}: Google keeps a trigger with the account that made it, so only{' '}
          {status.owner} can change or turn off the weekly plan.
        </p>
      )}
      <div class="actions">
        {button('Generate now', () => server.generateWeeklyPlan().then((r) => told(r, 'mailed')))}
        {button('Close the week', () => server.closeWeek().then((r) => r.message))}
        {client &&
          button(`Mark debt reviewed (${client.name})`, () =>
            server
              .markDebtReviewed({ clientId: client.id })
              .then(
                (r) =>
                  `${r.reviewed} open debt item${r.reviewed === 1 ? '' : 's'} at ${r.clientName} marked reviewed ${r.date}`,
              ),
          )}
        {status.mailedThisWeek &&
          button('Mail it again', () =>
            server.mailWeeklyPlanAgain().then((r) => told(r, 'mailed again')),
          )}
        {status.installed && !status.yours
          ? null
          : status.installed
            ? button('Turn off', () =>
                server.removeWeeklyTrigger().then(() => 'Weekly trigger turned off'),
              )
            : button('Turn on', () =>
                server
                  .installWeeklyTrigger({})
                  .then((s) => `Weekly trigger on: ${s.weekday} ${s.hour}:00`),
              )}
      </div>
    </section>
  );
}
