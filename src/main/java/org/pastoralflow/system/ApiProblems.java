package org.pastoralflow.system;

import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import org.pastoralflow.casefile.EntryNotFoundException;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.forms.TextParameters;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.OutsideYearGroupsException;
import org.pastoralflow.workflow.TaskUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of an API controller as an RFC 9457 problem document ({@code application/problem+json}):
 * invalid input names each field in {@code errors}; Spring MVC's own errors (a body that is not
 * JSON, a wrong media type, a parameter of the wrong kind) come through {@link ResponseEntityExceptionHandler};
 * anything unexpected is a 500 with a generic detail, logged, never the exception's message. Errors
 * before a controller is chosen (no such address, wrong method) are answered by {@link ErrorAnswers}.
 *
 * <p>First in order, so no page advice (which also matches {@code @RestController}) answers an API
 * call with HTML. Being a {@link ResponseEntityExceptionHandler}, it also replaces Spring Boot's
 * problem-details handler for every controller: pages answer with the HTML error page instead.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private static final URI INVALID_INPUT = URI.create("https://pastoralflow.org/problems/invalid-input");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']{1,100})'");

    @ExceptionHandler(InvalidFormException.class)
    ProblemDetail invalid(InvalidFormException e, HttpServletRequest request) {
        return invalid(e.errors(), request.getRequestURI());
    }

    @ExceptionHandler(TaskUnavailableException.class)
    ProblemDetail task(TaskUnavailableException e, HttpServletRequest request) {
        return problem(e.reason() == TaskUnavailableException.Reason.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT,
                e.getMessage(), request);
    }

    @ExceptionHandler({EntryNotFoundException.class, NotFoundException.class})
    ProblemDetail notFound(RuntimeException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), request);
    }

    @ExceptionHandler(OutsideYearGroupsException.class)
    ProblemDetail outsideYearGroups(RuntimeException e, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage(), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, "Your role does not allow this.", request);
    }

    /** The server's fault: logged with the exception, answered without it (it may hold data or internals). */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ErrorAnswers.SERVER_ERROR, request);
    }

    /** A path variable or parameter refused as text, or not of its type (an id that is not a number): named like a form field. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(Map.of(TextParameters.field(e), TextParameters.problem(e)), uri(request)));
    }

    /**
     * A body that is not a JSON object: said in our words, since Jackson's message quotes the input.
     * A field sent twice is named (the parser is strict about duplicates, see application.yml).
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof JsonParseException parse && parse.getOriginalMessage() != null) {
            Matcher duplicate = DUPLICATE.matcher(parse.getOriginalMessage());
            if (duplicate.find()) {
                String field = duplicate.group(1);
                return ResponseEntity.badRequest().body(invalid(Map.of(field, "The field " + field + " is sent more than once."),
                        uri(request)));
            }
        }
        String detail = cause instanceof StreamConstraintsException
                ? "The body has a value too long or too deeply nested to read."
                : cause instanceof JsonParseException ? "The body is not valid JSON."
                : e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
                ? "The body is missing: send the fields as a JSON object."
                : "The body must be a JSON object of fields.";
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, detail, uri(request));
        return ResponseEntity.badRequest().body(p);
    }

    /** Spring MVC's other errors keep their status and wording, with the address they were about. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail p && p.getInstance() == null) {
            p.setInstance(instance(uri(request)));
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    static ProblemDetail invalid(Map<String, String> errors, String uri) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Some fields need correcting: " + String.join(" ", errors.values()), uri);
        p.setTitle("Invalid input");
        p.setType(INVALID_INPUT);
        p.setProperty("errors", errors);
        return p;
    }

    private static ProblemDetail problem(HttpStatus status, String detail, HttpServletRequest request) {
        return problem(status, detail, request.getRequestURI());
    }

    private static ProblemDetail problem(HttpStatus status, String detail, String uri) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setInstance(instance(uri));
        return p;
    }

    /** The address the problem is about; none when it is not a URI (a hostile one), rather than a second error. */
    static URI instance(String uri) {
        try {
            return URI.create(uri);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }

    private static String uri(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "";
    }
}
