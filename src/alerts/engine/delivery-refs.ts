/** A delivery as the engine handles it: one job matched to one alert. */
export interface DeliveryRef {
  id: string;
  alertId: string;
  jobId: string;
}

/** Deliveries grouped by alert, each group in the order given. */
export function byAlert<D extends DeliveryRef>(deliveries: readonly D[]): Map<string, D[]> {
  const groups = new Map<string, D[]>();
  for (const delivery of deliveries) {
    const group = groups.get(delivery.alertId);
    if (group) group.push(delivery);
    else groups.set(delivery.alertId, [delivery]);
  }
  return groups;
}
