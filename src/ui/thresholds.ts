/** The MME lines the panel draws (caution, high): the clinic policy's, or CDC 2022's 50 and 90 before it is read. */
export interface MmeThresholds {
  caution: number;
  high: number;
}

export const DEFAULT_THRESHOLDS: MmeThresholds = { caution: 50, high: 90 };
