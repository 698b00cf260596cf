// "How to collect a bundle": the collector script (resources/collector, served beside the page) and
// the commands to run it, each with a Copy button. Help → How to Collect a Bundle opens it.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import { fetchBytes } from './sample';

export const SHOW_COLLECT_EVENT = 'oomscope:show-collect-help';
const SCRIPT_URL = './collector/oomscope-collect.sh';

const NODE_COMMANDS = [
  'sudo sh oomscope-collect.sh --pod <pod-name> -n <namespace>',
  'sudo sh oomscope-collect.sh --pod-uid <pod-uid>',
  'sudo sh oomscope-collect.sh --pod <pod-name> -n <namespace> --samples 12 --interval 10',
  'sudo sh oomscope-collect.sh --all-pods --redact',
].join('\n');

const DEBUG_COMMANDS = [
  'kubectl debug node/<node> --image=busybox:1.36 --profile=sysadmin -- sleep 3600',
  'kubectl cp oomscope-collect.sh <debug-pod>:/host/tmp/oomscope-collect.sh',
  'kubectl exec <debug-pod> -- chroot /host sh /tmp/oomscope-collect.sh --pod-uid <pod-uid> -o /tmp',
  'kubectl cp <debug-pod>:/host/tmp/<printed archive name>.tar.gz ./',
  'kubectl delete pod <debug-pod>',
].join('\n');

function CopyBlock({ text, label }: { text: string; label: string }): ReactNode {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-block">
      <pre aria-label={label}>{text}</pre>
      <button
        type="button"
        onClick={() =>
          void navigator.clipboard?.writeText(text).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? t('collect.copied') : t('collect.copy')}
      </button>
    </div>
  );
}

export function CollectPanel(): ReactNode {
  const { t } = useI18n();
  const ref = useRef<HTMLDetailsElement>(null);
  const [script, setScript] = useState<string | null>(null);

  useEffect(() => {
    const show = () => {
      if (!ref.current) return;
      ref.current.open = true;
      ref.current.scrollIntoView({ block: 'start' });
    };
    window.addEventListener(SHOW_COLLECT_EVENT, show);
    return () => window.removeEventListener(SHOW_COLLECT_EVENT, show);
  }, []);

  const copyScript = async () => {
    // The script ships with the app (resources/collector), beside the page.
    const text =
      script ??
      (await fetchBytes(new URL(SCRIPT_URL, window.location.href).href).then(
        (bytes) => new TextDecoder().decode(bytes),
        () => null,
      ));
    if (text === null) return;
    setScript(text);
    await navigator.clipboard?.writeText(text);
  };

  return (
    <details className="panel collect-panel" ref={ref}>
      <summary className="panel-header">
        <h2>{t('collect.title')}</h2>
      </summary>
      <div className="panel-body">
        <p>{t('collect.intro')}</p>
        <p>
          <button type="button" onClick={() => void copyScript()}>
            {script === null ? t('collect.copyScript') : t('collect.scriptCopied')}
          </button>{' '}
          <span className="muted">{t('collect.scriptNote')}</span>
        </p>
        <h3>{t('collect.onNode')}</h3>
        <CopyBlock text={NODE_COMMANDS} label={t('collect.onNode')} />
        <h3>{t('collect.withDebug')}</h3>
        <CopyBlock text={DEBUG_COMMANDS} label={t('collect.withDebug')} />
        <p className="muted">{t('collect.then')}</p>
        <h3>{t('collect.byHand')}</h3>
        <ul>
          <li>{t('collect.v1')}</li>
          <li>{t('collect.v2')}</li>
          <li>{t('collect.kernel')}</li>
        </ul>
      </div>
    </details>
  );
}
