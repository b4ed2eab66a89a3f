/** From this width the panel's two halves sit side by side (a 950 px EHR activity tab is wide). */
export const WIDE_MIN_PX = 900;
