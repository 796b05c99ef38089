package org.pastoralflow.system;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The answer to an error no controller answered: the address has no handler (404), the method or
 * media type is wrong for it (405, 415), the request was refused before the application saw it
 * (Spring Security's firewall, the container), or an exception escaped a filter. Pages get the HTML
 * error page as before; a call to {@code /api/**} gets a problem document whatever it accepts, so
 * every API error is {@code application/problem+json} (API controllers' own errors: {@link ApiProblems}).
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorAnswers extends BasicErrorController {

    static final String SERVER_ERROR = "Something went wrong on the server. It has been logged; try again, and if it "
            + "happens again tell the school office the time it happened.";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final ObjectMapper json;

    ErrorAnswers(ErrorAttributes errorAttributes, ServerProperties server, ObjectProvider<ErrorViewResolver> resolvers,
                 ObjectMapper json) {
        super(errorAttributes, server.getError(), resolvers.orderedStream().toList());
        this.json = json;
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (!fromApi(request)) {
            return super.errorHtml(request, response);
        }
        ProblemDetail problem = problem(request);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        try {
            json.writeValue(response.getOutputStream(), problem);
        } catch (IOException clientGone) {
            // nothing more can be said to a client that has gone
        }
        return null;
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        if (!fromApi(request)) {
            return super.error(request);
        }
        ProblemDetail problem = problem(request);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(json.convertValue(problem, MAP));
    }

    private static boolean fromApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String s && s.startsWith(request.getContextPath() + "/api/");
    }

    /** Said in our words for each status; never the exception's message. */
    private ProblemDetail problem(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        String detail = switch (status) {
            case BAD_REQUEST -> "The request could not be read.";
            case UNAUTHORIZED -> "Sign in with your staff username and password.";
            case FORBIDDEN -> "Your role does not allow this.";
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not take a " + request.getMethod() + " request.";
            case NOT_ACCEPTABLE -> "The answer can only be JSON.";
            case PAYLOAD_TOO_LARGE -> "The request is too large.";
            case UNSUPPORTED_MEDIA_TYPE -> "This address does not take a body of that type; JSON is sent as application/json.";
            default -> status.is5xxServerError() ? SERVER_ERROR : status.getReasonPhrase() + ".";
        };
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        p.setInstance(uri instanceof String s ? ApiProblems.instance(s) : null);
        return p;
    }
}
