/** Number formats and colours CompAlign writes, in one place so every sheet looks alike. */
export const FORMATS = {
  percent: "0%",
  percent1: "0.0%",
  currency: "$#,##0",
  number: "#,##0",
  decimal: "0.00",
  index: "0.000",
  text: "@",
} as const;

export const COLORS = {
  brand: "#0F6CBD",
  good: "#63BE7B",
  neutral: "#FFFFFF",
  bad: "#F8696B",
} as const;

export const TABLE_STYLE = "TableStyleMedium2";
