package org.pastoralflow.system;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before the application sees them, such as an address with an encoded
 * NUL, an encoded slash or bytes that are not UTF-8 ({@code /api/students/%00/chronology}): Tomcat
 * answers those itself, through its host's error report, as an HTML page. For {@code /api/**}
 * that report is a problem document instead, so even these API errors are
 * {@code application/problem+json}; pages keep Tomcat's page.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // the context is added to its host before the customizers run; the host makes its valve when it starts
        factory.addContextCustomizers(context -> ((org.apache.catalina.core.StandardHost) context.getParent())
                .setErrorReportValveClass(ApiErrorReport.class.getName()));
    }

    /** Tomcat's error report, as a problem document for the API. Public with no arguments: Tomcat makes it by name. */
    public static class ApiErrorReport extends ErrorReportValve {

        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            String uri = request.getRequestURI();
            if (uri == null || !uri.startsWith("/api/")) {
                super.report(request, response, throwable);
                return;
            }
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", known == null ? "Error" : known.getReasonPhrase());
            problem.put("status", status);
            problem.put("detail", status == 400 ? "The address could not be read: it holds characters no address of the API takes."
                    : status >= 500 ? ErrorAnswers.SERVER_ERROR : known == null ? "Error." : known.getReasonPhrase() + ".");
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(problem));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException clientGone) {
                // nothing more can be said
            }
        }
    }
}
