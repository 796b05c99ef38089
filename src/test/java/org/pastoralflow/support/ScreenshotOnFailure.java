package org.pastoralflow.support;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Saves what each open browser shows when a browser test fails, under target/browser-screenshots. */
public class ScreenshotOnFailure implements TestWatcher {

    /** A test class with browsers open. */
    public interface WithBrowsers {
        List<Browser> browsers();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (context.getRequiredTestInstance() instanceof WithBrowsers test) {
            for (Browser b : test.browsers()) {
                Path file = b.screenshot(context.getRequiredTestMethod().getName());
                if (file != null) {
                    System.err.println("Screenshot of the failing page: " + file.toAbsolutePath());
                }
            }
        }
    }
}
