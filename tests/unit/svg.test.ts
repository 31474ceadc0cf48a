import { describe, expect, it } from 'vitest';
import { sanitizeSvg, svgThreats } from '../../src/core/svg';

const svg = (inner: string, attributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"${attributes}>${inner}</svg>`;
const drawing = svg(
  '<defs><linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient></defs><rect width="10" height="10" fill="url(#g)"/><use href="#g"/><text x="1" y="5">Meg</text>',
);

describe('an SVG picture', () => {
  it('that only draws is safe and kept as it is drawn', () => {
    expect(svgThreats(drawing)).toEqual([]);
    const { svg: cleaned, removed } = sanitizeSvg(drawing);
    expect(removed).toEqual([]);
    expect(cleaned).toContain('fill="url(#g)"');
    expect(cleaned).toContain('<text x="1" y="5">Meg</text>');
  });

  it('with a script is refused, and cleaned of it', () => {
    const hostile = svg('<script>alert(document.domain)</script><circle r="4"/>');
    expect(svgThreats(hostile)).toEqual(['a script (<script>)']);
    const { svg: cleaned } = sanitizeSvg(hostile);
    expect(cleaned).not.toMatch(/script|alert/);
    expect(cleaned).toContain('<circle r="4"/>');
  });

  it('with event handlers, embedded HTML, links to javascript: or animations that rewrite links is refused', () => {
    expect(svgThreats(svg('<circle r="4"/>', ' onload="alert(1)"'))).toEqual(['an event handler (onload)']);
    expect(
      svgThreats(svg('<foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><script>x()</script></body></foreignObject>')),
    ).toEqual(['embedded HTML (<foreignObject>)']);
    expect(svgThreats(svg('<a href="javascript:alert(1)"><text>click</text></a>'))).toEqual([
      expect.stringMatching(/^an outside reference \(href=/),
    ]);
    expect(svgThreats(svg('<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>'))).toEqual([
      'an animation that can change links (<set>)',
    ]);
  });

  it('that loads from other sites is refused: pictures, styles, fonts', () => {
    expect(svgThreats(svg('<image href="https://tracker.example/p.png" width="1" height="1"/>'))).toEqual([
      'an outside reference (href="https://tracker.example/p.png")',
    ]);
    expect(svgThreats(svg('<image xlink:href="http://x.example/a.png"/>'))).toHaveLength(1);
    expect(svgThreats(svg('<style>@import url(https://x.example/a.css);</style>'))).toEqual(['a style sheet that loads from elsewhere']);
    expect(svgThreats(svg('<rect style="fill: url(https://x.example/f.svg#p)"/>'))).toEqual(['an outside reference (style)']);
    // A picture carried inside it is fine.
    expect(svgThreats(svg('<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>'))).toEqual([]);
  });

  it('keeps what editors add to describe a drawing without refusing it', () => {
    const inkscape = svg(
      '<sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" id="n"/><path d="M0 0L10 10"/>',
    );
    expect(svgThreats(inkscape)).toEqual([]);
  });

  it('that is not one is said to be so', () => {
    expect(() => svgThreats('<html><body>hi</body></html>')).toThrow(/not an SVG picture/);
    expect(() => svgThreats('<svg><unclosed></svg>')).toThrow(/not a well-formed SVG/);
  });
});
