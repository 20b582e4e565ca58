/**
 * The canvas as a picture, as it is on screen (what a slide or a design review wants):
 * the flow without its controls, minimap and panels. html-to-image is loaded on demand,
 * so the page's first load does not carry it.
 */
export async function canvasImage(format: 'png' | 'svg'): Promise<string | null> {
  const root = document.querySelector<HTMLElement>('.react-flow');
  if (!root) return null;
  const { toPng, toSvg } = await import('html-to-image');
  const background = getComputedStyle(root).backgroundColor || '#ffffff';
  const options = {
    backgroundColor: background === 'rgba(0, 0, 0, 0)' ? '#ffffff' : background,
    pixelRatio: 2,
    filter: (node: Node) =>
      !(
        node instanceof HTMLElement &&
        (node.classList.contains('react-flow__minimap') ||
          node.classList.contains('react-flow__controls') ||
          node.classList.contains('react-flow__panel'))
      ),
  };
  return format === 'png' ? toPng(root, options) : toSvg(root, options);
}

/** Save a data: URL as a file. */
export function downloadDataUrl(filename: string, url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
}
