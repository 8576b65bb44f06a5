/** A delivery as the engine handles it: one job listed to one alert. */
export interface DeliveryRef {
  id: string;
  alertId: string;
  jobId: string;
}
