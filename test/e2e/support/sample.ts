/** The sample's scenarios the e2e flows run (two), and the others they uncheck first. */
export const RUN = ["Shift 20% to multi-product deals", "Cloud weight 40%"];
export const SKIP = ["Cloud accelerator curve", "Quotas +10%", "Cloud weight 40% + accelerator"];
