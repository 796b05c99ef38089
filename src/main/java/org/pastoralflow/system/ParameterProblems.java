package org.pastoralflow.system;

import jakarta.servlet.http.HttpServletResponse;

import org.pastoralflow.forms.TextParameters;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A page asked for with a value it cannot take in its address or search box (a control character
 * in {@code q}, a student id that is not a number): the HTML error page, naming the field.
 * API controllers are answered by {@link ApiProblems}, which comes first.
 */
@ControllerAdvice(annotations = Controller.class)
class ParameterProblems {

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String wrongValue(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("status", HttpStatus.BAD_REQUEST.value());
        model.addAttribute("detail", TextParameters.problem(e) + " Nothing was saved.");
        return "error";
    }
}
