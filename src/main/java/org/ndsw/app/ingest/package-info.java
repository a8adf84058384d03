/**
 * Getting NDS data into a catalogue: {@link org.ndsw.app.ingest.ImportService} imports files, zips and folders, local
 * or at an http(s) URL ({@link org.ndsw.app.ingest.Download} over {@link org.ndsw.app.ingest.HttpTransfer}); each file
 * goes in one transaction ({@code SourceImport}) while a reader thread parses ahead
 * ({@link org.ndsw.app.ingest.ReadAhead}) and {@link org.ndsw.app.ingest.SweepChecks} verifies the records into a
 * {@link org.ndsw.app.ingest.VerificationReport} (mismatches are reported, never corrected). The outcome is an
 * {@link org.ndsw.app.ingest.ImportReport}, stored and printed as JSON by {@link org.ndsw.app.ingest.ReportJson}.
 */
package org.ndsw.app.ingest;
