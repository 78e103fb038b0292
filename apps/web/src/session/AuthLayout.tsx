/** The signed-out pages' frame: the wordmark over one card with its title and form. */
import type { ReactNode } from 'react';
import { Wordmark } from '../components/Wordmark';
import './auth.css';

export function AuthLayout({
  title,
  lead,
  children,
  footer,
}: {
  title: string;
  lead?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <main className="auth">
      <div className="auth__card">
        <Wordmark />
        <h1 className="auth__title">{title}</h1>
        {lead ? <p className="auth__lead">{lead}</p> : null}
        {children}
        {footer ? <div className="auth__footer">{footer}</div> : null}
      </div>
    </main>
  );
}
