import { Component, lazy, Suspense, type ReactNode } from "react";
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import { SessionProvider, useSession } from "./api/session";
import { Layout } from "./components/Layout";
import { ErrorMessage, Loading, PageTitle } from "./components/ui";
import { I18nProvider, useI18n, type Locale } from "./i18n/i18n";
import { ChangePassword, Login } from "./pages/Login";
import { NewReading } from "./pages/NewReading";

// Pages beyond the first are loaded when first visited, so the first load stays small.
const ReadingPage = lazy(() => import("./pages/ReadingPage").then((x) => ({ default: x.ReadingPage })));
const History = lazy(() => import("./pages/History").then((x) => ({ default: x.History })));
const Profiles = lazy(() => import("./pages/Profiles").then((x) => ({ default: x.Profiles })));
const Settings = lazy(() => import("./pages/Settings").then((x) => ({ default: x.Settings })));
const Telegram = lazy(() => import("./pages/Telegram").then((x) => ({ default: x.Telegram })));
const Admin = lazy(() => import("./pages/Admin").then((x) => ({ default: x.Admin })));
const SharedReading = lazy(() => import("./pages/SharedReading").then((x) => ({ default: x.SharedReading })));

/** A page that throws shows a message, never a blank screen. */
class Boundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    return this.state.error ? <ErrorMessage error={this.state.error} onRetry={() => this.setState({ error: null })} /> : this.props.children;
  }
}

function NotFound() {
  const { m } = useI18n();
  return <PageTitle>{m.errors.pageNotFound}</PageTitle>;
}

/** Signed-in pages: the sign-in form first, then the forced password change when the account has one pending. */
function Private({ children }: { children: ReactNode }) {
  const { me, ready } = useSession();
  if (!ready) return <Loading />;
  if (!me) return <Login />;
  if (me.password_change_required) return <ChangePassword forced />;
  return <>{children}</>;
}

export function App({ locale }: { locale?: Locale }) {
  return (
    <I18nProvider locale={locale}>
      <SessionProvider>
        <BrowserRouter>
          <Boundary>
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route element={<Layout />}>
                  <Route path="/share/:token" element={<SharedReading />} />
                  <Route path="/" element={<Private><NewReading /></Private>} />
                  <Route path="/readings/:id" element={<Private><ReadingPage /></Private>} />
                  <Route path="/history" element={<Private><History /></Private>} />
                  <Route path="/profiles" element={<Private><Profiles /></Private>} />
                  <Route path="/settings" element={<Private><Settings /></Private>} />
                  <Route path="/telegram" element={<Private><Telegram /></Private>} />
                  <Route path="/admin" element={<Private><Admin /></Private>} />
                  <Route path="/login" element={<Navigate to="/" replace />} />
                  <Route path="*" element={<NotFound />} />
                </Route>
              </Routes>
            </Suspense>
          </Boundary>
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}
