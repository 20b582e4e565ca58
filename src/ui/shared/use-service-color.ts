import { useDesignStore } from '../../store/design';
import { NO_SERVICE_COLOR, serviceColor } from './service-colors';

/** A service's colour by its place in the design; a number from the store, so no render loop. */
export function useServiceColor(serviceName: string | undefined): string {
  const index = useDesignStore((s) =>
    serviceName === undefined
      ? -1
      : s.design.services.findIndex((service) => service.serviceName === serviceName),
  );
  return index < 0 ? NO_SERVICE_COLOR : serviceColor(index);
}
