package org.pastoralflow.system;

import org.pastoralflow.security.NotFoundException;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.pastoralflow.casefile.EntryNotFoundException;
import org.pastoralflow.forms.InvalidFormException;
import org.pastoralflow.workflow.TaskUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** API errors as RFC 9457 problem details; invalid input names each field. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ApiProblems {

    @ExceptionHandler(InvalidFormException.class)
    ProblemDetail invalid(InvalidFormException e, HttpServletRequest request) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Some fields need correcting: "
                + String.join(" ", e.errors().values()), request);
        p.setTitle("Invalid input");
        p.setType(URI.create("https://pastoralflow.org/problems/invalid-input"));
        p.setProperty("errors", e.errors());
        return p;
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

    @ExceptionHandler(org.pastoralflow.security.OutsideYearGroupsException.class)
    ProblemDetail outsideYearGroups(RuntimeException e, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage(), request);
    }

    private static ProblemDetail problem(HttpStatus status, String detail, HttpServletRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setInstance(URI.create(request.getRequestURI()));
        return p;
    }
}
