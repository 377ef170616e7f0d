package dev.redline.runner.plot;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;

/**
 * Debian's Chromium and chromedriver (apt-get install chromium chromium-driver; .ci/run installs them),
 * headless, with every network request sent to a dead proxy so that a page needing the network fails.
 */
final class HeadlessChromium {
    static final Path BROWSER = Path.of(System.getProperty("redline.test.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("redline.test.chromedriver", "/usr/bin/chromedriver"));

    private HeadlessChromium() { }

    static ChromeDriver start() {
        Assumptions.assumeTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
                "skipped: no headless browser (" + BROWSER + ", " + DRIVER + "); install Debian's chromium and chromium-driver "
                        + "(apt-get install -y chromium chromium-driver), as .ci/run does");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1600,1200",
                "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--allow-file-access-from-files");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
