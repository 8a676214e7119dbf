package dev.qmiconn.log;

import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.spi.LocationAwareLogger;

/** A logger that asks {@link Logs} first and reaches Logback's logger of the same name only to write. */
final class LazyLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    private transient volatile Logger backend;

    LazyLogger(String name) {
        this.name = name;
    }

    private Logger backend() {
        Logger b = backend;
        if (b == null) {
            b = Logs.backend(name);
            backend = b;
        }
        return b;
    }

    @Override
    public boolean isTraceEnabled() {
        return Logs.passes(Level.TRACE) && backend().isTraceEnabled();
    }

    @Override
    public boolean isDebugEnabled() {
        return Logs.passes(Level.DEBUG) && backend().isDebugEnabled();
    }

    @Override
    public boolean isInfoEnabled() {
        return Logs.passes(Level.INFO) && backend().isInfoEnabled();
    }

    @Override
    public boolean isWarnEnabled() {
        return Logs.passes(Level.WARN) && backend().isWarnEnabled();
    }

    @Override
    public boolean isErrorEnabled() {
        return Logs.passes(Level.ERROR) && backend().isErrorEnabled();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return LazyLogger.class.getName();
    }

    /** Reached only past the level check (AbstractLogger asks isXEnabled first); Logback formats and filters. */
    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String message, Object[] args,
                                               Throwable t) {
        Logger b = backend();
        if (b instanceof LocationAwareLogger l) {
            l.log(marker, getFullyQualifiedCallerName(), level.toInt(), message, args, t);
            return;
        }
        org.slf4j.spi.LoggingEventBuilder e = b.atLevel(level).setCause(t);
        if (marker != null) {
            e = e.addMarker(marker);
        }
        e.log(message, args);
    }
}
