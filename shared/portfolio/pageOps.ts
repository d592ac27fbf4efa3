import { PDFOperator, PDFOperatorNames as Op, type PDFFont, type PDFName, type PDFPage, type RGB } from 'pdf-lib';

/**
 * Drawing operators written directly, for what a portfolio draws thousands of times (text
 * runs, rules, rounded boxes, QR modules). pdf-lib's page.drawText and friends validate every
 * option, register a new font resource name on every call and print coordinates and colours
 * with up to 17 digits; over a 100-credential portfolio that was a third of the export time and
 * most of the content-stream bytes the final deflate has to chew. Output is the same PDF
 * operators, with coordinates rounded to 1/100 pt and colours to 1/1000.
 */

/**
 * A number for a content stream: at most `decimals` decimals (coordinates: 2), never an
 * exponent, "-0" or NaN, which would break the page (kept within ±10⁹, far beyond any page).
 */
export function num(value: number, decimals = 2): string {
  if (Number.isNaN(value)) return '0';
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.max(-1e9, Math.min(1e9, value)) * factor) / factor;
  return rounded === 0 ? '0' : String(rounded);
}

const channel = (value: number): string => num(value, 3);

const fill = (color: RGB): PDFOperator => PDFOperator.of(Op.NonStrokingColorRgb, [channel(color.red), channel(color.green), channel(color.blue)]);
const stroke = (color: RGB): PDFOperator => PDFOperator.of(Op.StrokingColorRgb, [channel(color.red), channel(color.green), channel(color.blue)]);

const fontNames = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();

/** The page's resource name for `font`, registered once per page. */
function fontName(page: PDFPage, font: PDFFont): PDFName {
  let names = fontNames.get(page);
  if (!names) {
    names = new Map();
    fontNames.set(page, names);
  }
  let name = names.get(font);
  if (!name) {
    name = page.node.newFontDictionary(font.name, font.ref);
    names.set(font, name);
  }
  return name;
}

export interface PlacedRun {
  readonly text: string;
  readonly font: PDFFont;
  readonly x: number;
}

/** Text runs on one baseline, in one colour and size: one text object. */
export function showRuns(page: PDFPage, runs: readonly PlacedRun[], y: number, size: number, color: RGB): void {
  if (runs.length === 0) return;
  const operators: PDFOperator[] = [PDFOperator.of(Op.PushGraphicsState), PDFOperator.of(Op.BeginText), fill(color)];
  let font: PDFFont | undefined;
  for (const run of runs) {
    if (run.font !== font) {
      operators.push(PDFOperator.of(Op.SetFontAndSize, [fontName(page, run.font), num(size)]));
      font = run.font;
    }
    operators.push(PDFOperator.of(Op.SetTextMatrix, ['1', '0', '0', '1', num(run.x), num(y)]), PDFOperator.of(Op.ShowText, [run.font.encodeText(run.text)]));
  }
  operators.push(PDFOperator.of(Op.EndText), PDFOperator.of(Op.PopGraphicsState));
  page.pushOperators(...operators);
}

/** A straight line. */
export function rule(page: PDFPage, x1: number, y1: number, x2: number, y2: number, thickness: number, color: RGB): void {
  page.pushOperators(
    PDFOperator.of(Op.PushGraphicsState),
    stroke(color),
    PDFOperator.of(Op.SetLineWidth, [num(thickness)]),
    PDFOperator.of(Op.MoveTo, [num(x1), num(y1)]),
    PDFOperator.of(Op.LineTo, [num(x2), num(y2)]),
    PDFOperator.of(Op.StrokePath),
    PDFOperator.of(Op.PopGraphicsState),
  );
}

/** Bezier handle length for a quarter circle, as a share of its radius. */
const kappa = 0.5523;

export interface ShapeStyle {
  readonly fill?: RGB;
  readonly border?: RGB;
  readonly borderWidth?: number;
}

function paint(page: PDFPage, path: PDFOperator[], style: ShapeStyle): void {
  if (!style.fill && !style.border) return;
  const operators = [PDFOperator.of(Op.PushGraphicsState)];
  if (style.fill) operators.push(fill(style.fill));
  if (style.border) operators.push(stroke(style.border), PDFOperator.of(Op.SetLineWidth, [num(style.borderWidth ?? 0.75)]));
  operators.push(...path, PDFOperator.of(style.fill && style.border ? Op.FillNonZeroAndStroke : style.fill ? Op.FillNonZero : Op.StrokePath), PDFOperator.of(Op.PopGraphicsState));
  page.pushOperators(...operators);
}

/** A rectangle with circular corners of `radius`, its top-left corner at (x, top). */
export function roundedRect(page: PDFPage, x: number, top: number, width: number, height: number, radius: number, style: ShapeStyle): void {
  const r = Math.max(0, Math.min(radius, width / 2, height / 2));
  const k = r * kappa;
  const left = x;
  const right = x + width;
  const bottom = top - height;
  const move = (px: number, py: number): PDFOperator => PDFOperator.of(Op.MoveTo, [num(px), num(py)]);
  const line = (px: number, py: number): PDFOperator => PDFOperator.of(Op.LineTo, [num(px), num(py)]);
  const curve = (...points: number[]): PDFOperator =>
    PDFOperator.of(
      Op.AppendBezierCurve,
      points.map((point) => num(point)),
    );
  paint(
    page,
    [
      move(left + r, top),
      line(right - r, top),
      curve(right - r + k, top, right, top - r + k, right, top - r),
      line(right, bottom + r),
      curve(right, bottom + r - k, right - r + k, bottom, right - r, bottom),
      line(left + r, bottom),
      curve(left + r - k, bottom, left, bottom + r - k, left, bottom + r),
      line(left, top - r),
      curve(left, top - r + k, left + r - k, top, left + r, top),
      PDFOperator.of(Op.ClosePath),
    ],
    style,
  );
}

/** A filled circle centred on (x, y). */
export function dot(page: PDFPage, x: number, y: number, radius: number, color: RGB): void {
  roundedRect(page, x - radius, y + radius, radius * 2, radius * 2, radius, { fill: color });
}

/** A filled or outlined rectangle with its bottom-left corner at (x, y). */
export function box(page: PDFPage, x: number, y: number, width: number, height: number, style: ShapeStyle): void {
  paint(page, [PDFOperator.of(Op.AppendRectangle, [num(x), num(y), num(width), num(height)])], style);
}

/**
 * Filled rectangles in a grid of `unit`-point cells whose bottom-left corner is at (x, y):
 * the path is written in cell units under one transformation, so each rectangle costs a few
 * small integers. Rectangles are [column, row from the bottom, columns wide, rows high].
 */
export function cells(page: PDFPage, x: number, y: number, unit: number, rectangles: readonly (readonly [number, number, number, number])[], color: RGB, overlap = 0): void {
  const operators = [PDFOperator.of(Op.PushGraphicsState), fill(color), PDFOperator.of(Op.ConcatTransformationMatrix, [num(unit, 4), '0', '0', num(unit, 4), num(x), num(y)])];
  for (const [column, row, columns, rows] of rectangles) {
    operators.push(PDFOperator.of(Op.AppendRectangle, [num(column), num(row - overlap), num(columns), num(rows + 2 * overlap)]));
  }
  operators.push(PDFOperator.of(Op.FillNonZero), PDFOperator.of(Op.PopGraphicsState));
  page.pushOperators(...operators);
}
