import { memo, useEffect, useRef, useState } from 'react';
import { useDesignStore } from '../../store/design';
import { shareLinkFor } from '../../store/share-link';
import { currentRun } from '../../store/sim-control';
import { downloadDesignFile } from '../../store/storage-export';
import { Modal } from '../shared/Modal';

type Copy = 'copying' | 'copied' | 'manual';

/**
 * The design in a link: copied to the clipboard, and shown so it can be copied by hand.
 * A link too long to carry is not made: the dialog says so and offers the file.
 */
export const ShareButton = memo(function ShareButton() {
  const [link, setLink] = useState<string | null>(null);
  const [tooLong, setTooLong] = useState<string | null>(null);
  const [copy, setCopy] = useState<Copy>('copying');
  const field = useRef<HTMLInputElement>(null);

  const close = () => {
    setLink(null);
    setTooLong(null);
  };

  const open = () => {
    const shared = shareLinkFor(
      `${location.origin}${location.pathname}`,
      useDesignStore.getState().design,
      currentRun(),
    );
    if (!shared.ok) {
      setTooLong(shared.reason);
      return;
    }
    const url = shared.url;
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

  const shown = link !== null || tooLong !== null;
  useEffect(() => {
    if (shown) field.current?.select();
  }, [shown]);

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
      {shown && (
        <Modal title="Share this design" testId="share" onClose={close} closeOnBackdrop={false}>
          {tooLong !== null ? (
            <p className="modal-lead" data-testid="share.status">
              {tooLong} The file opens with Import, at this moment of the run.
            </p>
          ) : (
            <>
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
                value={link ?? ''}
                aria-label="Share link"
                onFocus={(e) => e.target.select()}
              />
            </>
          )}
          <div className="modal-actions">
            <span className="toolbar-gap" />
            {tooLong !== null && (
              <button
                type="button"
                className="button"
                data-testid="share.download"
                onClick={() => {
                  downloadDesignFile(useDesignStore.getState().design, currentRun());
                  close();
                }}
              >
                Download file
              </button>
            )}
            <button
              type="button"
              className="button primary"
              data-testid="share.close"
              onClick={close}
            >
              {tooLong !== null ? 'Close' : 'Done'}
            </button>
          </div>
        </Modal>
      )}
    </>
  );
});
