// One per screen: a crash in a screen shows what happened and a "Copy details" button, and the
// rest of the app (header, navigation) keeps working.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from './i18n';

interface Props {
  screen: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  componentStack: string;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, componentStack: '' };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(_error: unknown, info: ErrorInfo): void {
    this.setState({ componentStack: info.componentStack ?? '' });
  }

  override componentDidUpdate(prev: Props): void {
    if (prev.screen !== this.props.screen && this.state.error) this.setState({ error: null, componentStack: '' });
  }

  override render(): ReactNode {
    const { error, componentStack } = this.state;
    if (!error) return this.props.children;
    const details = [`screen: ${this.props.screen}`, `${error.name}: ${error.message}`, error.stack ?? '', componentStack].join('\n');
    return <ErrorPanel details={details} message={error.message} />;
  }
}

function ErrorPanel({ details, message }: { details: string; message: string }): ReactNode {
  const { t } = useI18n();
  return (
    <div className="error-panel" role="alert">
      <h2>{t('error.title')}</h2>
      <p>{message}</p>
      <pre className="error-details">{details}</pre>
      <button type="button" onClick={() => void navigator.clipboard?.writeText(details)}>
        {t('error.copy')}
      </button>
    </div>
  );
}
