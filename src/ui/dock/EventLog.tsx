import { memo, useMemo, useState } from 'react';
import type { ServiceEventView } from '../../engine';
import { EVENT_KINDS, type EventKind, filterEvents, shortenTaskList } from '../../store/event-log';
import { useRunStore } from '../../store/run';
import { select } from '../../store/session';
import { scrubTo } from '../../store/time-nav';
import { formatClock } from '../format';

/** How many lines to draw; the store keeps a few more. */
const SHOWN = 120;

const count = new Intl.NumberFormat('en-US');

/**
 * One event in ECS's words. A message that lists many tasks shows the first
 * few and "+N more": the whole list only on demand, so 2,000 task ids neither
 * flood the log nor cost a layout of 80 KB of text per frame.
 */
const EventItem = memo(function EventItem({ event }: { event: ServiceEventView }) {
  const short = useMemo(() => shortenTaskList(event.message), [event.message]);
  const [open, setOpen] = useState(false);
  return (
    <li data-testid="eventlog.item">
      <button
        type="button"
        className="event-time"
        data-testid="eventlog.time"
        title="Show this moment, and the service"
        onClick={() => {
          scrubTo(event.createdAtMs);
          select({ kind: 'service', name: event.serviceName });
        }}
      >
        <time>{formatClock(event.createdAtMs)}</time>
      </button>
      <span data-testid="eventlog.message">
        {short ? `${open ? event.message : short.text} ` : event.message}
        {short && (
          <button
            type="button"
            className="event-more"
            data-testid="eventlog.more"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            {open ? 'show fewer' : `+${count.format(short.more)} more`}
          </button>
        )}
        {short && !open && short.tail}
      </span>
    </li>
  );
});

/** Service events in the ECS console's words, newest first; filtered by service and kind. */
export const EventLog = memo(function EventLog() {
  const events = useRunStore((s) => s.events);
  const [service, setService] = useState<string>('');
  const [kind, setKind] = useState<EventKind | ''>('');
  const services = useMemo(() => [...new Set(events.map((e) => e.serviceName))].sort(), [events]);
  const shown = useMemo(
    () =>
      filterEvents(events, {
        ...(service === '' ? {} : { service }),
        ...(kind === '' ? {} : { kind }),
      }),
    [events, service, kind],
  );
  return (
    <section className="event-log" aria-label="Service events">
      <h3 className="dock-title">
        Service events <small>newest first</small>
        <span className="event-filters">
          <select
            aria-label="Service"
            value={service}
            onChange={(e) => setService(e.target.value)}
            data-testid="eventlog.service"
          >
            <option value="">All services</option>
            {services.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          <select
            aria-label="Kind of event"
            value={kind}
            onChange={(e) => setKind(e.target.value as EventKind | '')}
            data-testid="eventlog.kind"
          >
            <option value="">All events</option>
            {EVENT_KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </span>
      </h3>
      <ol data-testid="eventlog">
        {events.length === 0 && (
          <li className="empty">Events appear here when the simulation runs.</li>
        )}
        {events.length > 0 && shown.length === 0 && (
          <li className="empty">No events of this kind yet.</li>
        )}
        {shown.slice(0, SHOWN).map((event) => (
          <EventItem key={event.id} event={event} />
        ))}
      </ol>
    </section>
  );
});
