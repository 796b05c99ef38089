package org.pastoralflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The page checks catch what they claim to: a check that cannot fail would prove nothing. */
class BrowserChecksTest {

    static Browser browser;

    @BeforeAll
    static void open() {
        browser = Browser.open(1, "checks");
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    static void show(String html) {
        browser.driver().get("data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    @Test
    void anUnlabelledFieldAndAnImageWithoutTextAreSeriousViolations() {
        show("<!DOCTYPE html><html lang=en><head><title>t</title></head><body><main><h1>Form</h1>"
                + "<input type=text name=x><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='></main></body></html>");
        assertThatThrownBy(browser::checkAccessible).hasMessageContaining("label").hasMessageContaining("image-alt");
    }

    @Test
    void aWideTableMakesThePageScrollSidewaysOnAPhone() {
        show("<!DOCTYPE html><html lang=en><head><title>t</title></head><body><main><h1>Wide</h1>"
                + "<div style='width:900px'>too wide</div></main></body></html>");
        assertThatThrownBy(browser::checkFitsPhone).hasMessageContaining("sideways scrolling at 320 px");
    }

    @Test
    void aPlainAccessiblePagePassesBoth() {
        show("<!DOCTYPE html><html lang=en><head><title>Fine</title></head><body><main><h1>Fine</h1>"
                + "<label for=x>Name</label><input id=x></main></body></html>");
        browser.check();
        assertThat(browser.heading()).isEqualTo("Fine");
    }
}
