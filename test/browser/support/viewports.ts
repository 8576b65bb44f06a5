/** The sizes every journey runs at: a phone held upright and a laptop screen. */
export interface Viewport {
  name: string;
  width: number;
  height: number;
  isMobile: boolean;
  hasTouch: boolean;
}

export const VIEWPORTS: Viewport[] = [
  { name: '390x844', width: 390, height: 844, isMobile: true, hasTouch: true },
  { name: '1280x800', width: 1280, height: 800, isMobile: false, hasTouch: false },
];
