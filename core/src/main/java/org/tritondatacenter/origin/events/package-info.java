/**
 * Progress and diagnostics that flow from core back to whoever called it.
 *
 * <p>Core never prints. Operations, waits and transfers report structured {@link
 * org.tritondatacenter.origin.events.Event}s to one {@link
 * org.tritondatacenter.origin.events.EventListener}; the command line draws progress bars from them
 * and the Jenkins steps write build-log lines. Events never carry secrets.
 */
package org.tritondatacenter.origin.events;
