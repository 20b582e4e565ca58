import { memo, useEffect, useRef, useState } from 'react';
import { useDesignStore } from '../../store/design';
import { showNotice } from '../../store/session';
import { currentRun } from '../../store/sim-control';
import { canvasImage, downloadDataUrl } from './canvas-image';
import { downloadText, fileNameFor } from './download';

/** The design with its run (seed, journal, moment): importing the file opens the same moment. */
function exportDesign(): void {
  const design = useDesignStore.getState().design;
  const file = { ...design, run: currentRun() };
  downloadText(fileNameFor(design.name), `${JSON.stringify(file, null, 2)}\n`);
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'design';

/** One CloudFormation stack for the whole design; the exporter loads on demand. */
async function exportTemplate(): Promise<void> {
  const { cloudFormationTemplate } = await import('../../design/export/cloudformation');
  const template = cloudFormationTemplate(useDesignStore.getState().design);
  downloadText('template.json', `${JSON.stringify(template, null, 2)}\n`);
}

async function exportCanvas(format: 'png' | 'svg'): Promise<void> {
  const url = await canvasImage(format).catch(() => null);
  if (!url) {
    showNotice('The canvas could not be drawn as an image.', 'error');
    return;
  }
  downloadDataUrl(`${slug(useDesignStore.getState().design.name)}.${format}`, url);
}

/**
 * Export: the design (one click, as before), and from the menu the CloudFormation
 * template of the whole design and the canvas as PNG or SVG. One task definition or
 * one service is exported from its inspector.
 */
export const ExportMenu = memo(function ExportMenu() {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    window.addEventListener('mousedown', onDown);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('mousedown', onDown);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);
  const item = (testId: string, label: string, hint: string, action: () => void) => (
    <button
      type="button"
      role="menuitem"
      className="menu-item"
      data-testid={testId}
      onClick={() => {
        setOpen(false);
        action();
      }}
    >
      <span>{label}</span>
      <small>{hint}</small>
    </button>
  );
  return (
    <div className="split-button" ref={ref}>
      <button
        type="button"
        className="button"
        data-testid="toolbar.export"
        onClick={exportDesign}
        title="Download the design and its run as JSON"
      >
        Export
      </button>
      <button
        type="button"
        className="button split-toggle"
        data-testid="toolbar.exportMenu"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label="More export formats"
        onClick={() => setOpen((o) => !o)}
      >
        ▾
      </button>
      {open && (
        <div className="menu" role="menu" data-testid="export.menu">
          {item(
            'export.design',
            'Design and its run',
            '.berth.json: opens at this moment',
            exportDesign,
          )}
          {item(
            'export.template',
            'CloudFormation template',
            'template.json: the whole design as one stack',
            () => void exportTemplate(),
          )}
          {item(
            'export.png',
            'Canvas as PNG',
            'as it is on screen, 2x',
            () => void exportCanvas('png'),
          )}
          {item(
            'export.svg',
            'Canvas as SVG',
            'as it is on screen',
            () => void exportCanvas('svg'),
          )}
        </div>
      )}
    </div>
  );
});
