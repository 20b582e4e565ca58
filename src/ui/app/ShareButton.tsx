import { memo, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useDesignStore } from '../../store/design';
import { shareHash } from '../../store/share-link';
import { currentRun } from '../../store/sim-control';

type Copy = 'copying' | 'copied' | 'manual';

/** The design in a link: copied to the clipboard, and shown so it can be copied by hand. */
export const ShareButton = memo(function ShareButton() {
  const [link, setLink] = useState<string | null>(null);
  const [copy, setCopy] = useState<Copy>('copying');
  const field = useRef<HTMLInputElement>(null);

  const open = () => {
    const hash = shareHash(useDesignStore.getState().design, currentRun());
    const url = `${location.origin}${location.pathname}${hash}`;
    setLink(url);
    setCopy('copying');
    // Without a secure context there is no clipboard: the field below is selected instead.
    if (!navigator.clipboard) {
      setCopy('manual');
      return;
    }
    navigator.clipboard.writeText(url).then(
      () => setCopy('copied'),
      () => setCopy('manual'),
    );
  };

  useEffect(() => {
    if (!link) return;
    field.current?.select();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setLink(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [link]);

  return (
    <>
      <button
        type="button"
        className="button"
        data-testid="toolbar.share"
        onClick={open}
        title="Copy a link that opens this design and its run at this moment"
      >
        Share
      </button>
      {/* Out of the top bar, whose white-on-blue styles would otherwise reach the dialog. */}
      {link &&
        createPortal(
          <div className="modal-backdrop">
            <div
              className="modal"
              role="dialog"
              aria-modal="true"
              aria-labelledby="share-title"
              data-testid="share"
            >
              <h2 id="share-title">Share this design</h2>
              <p className="modal-lead" data-testid="share.status">
                {copy === 'copied'
                  ? 'The link is on your clipboard.'
                  : copy === 'manual'
                    ? 'Copy the link below.'
                    : 'Copying…'}{' '}
                Anyone who opens it gets this design and its run, at this moment, in their browser;
                it never reaches a server.
              </p>
              <input
                ref={field}
                className="share-link"
                data-testid="share.link"
                readOnly
                value={link}
                aria-label="Share link"
                onFocus={(e) => e.target.select()}
              />
              <div className="modal-actions">
                <span className="toolbar-gap" />
                <button
                  type="button"
                  className="button primary"
                  data-testid="share.close"
                  onClick={() => setLink(null)}
                >
                  Done
                </button>
              </div>
            </div>
          </div>,
          document.body,
        )}
    </>
  );
});
