import { memo } from 'react';
import { useRunStore } from '../../store/run';
import { formatClock } from '../format';

/** How many lines to draw; the store keeps a few more. */
const SHOWN = 120;

/** Service events in the ECS console's words, newest first. */
export const EventLog = memo(function EventLog() {
  const events = useRunStore((s) => s.events);
  return (
    <section className="event-log" aria-label="Service events">
      <h3 className="dock-title">
        Service events <small>newest first</small>
      </h3>
      <ol data-testid="eventlog">
        {events.length === 0 && (
          <li className="empty">Events appear here when the simulation runs.</li>
        )}
        {events.slice(0, SHOWN).map((event) => (
          <li key={event.id} data-testid="eventlog.item">
            <time>{formatClock(event.createdAtMs)}</time>
            <span>{event.message}</span>
          </li>
        ))}
      </ol>
    </section>
  );
});
