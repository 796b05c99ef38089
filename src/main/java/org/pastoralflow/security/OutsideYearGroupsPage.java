package org.pastoralflow.security;

import org.pastoralflow.security.OutsideYearGroupsException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A page that says which year groups the person works with, rather than a bare "not allowed". */
@ControllerAdvice(annotations = Controller.class)
class OutsideYearGroupsPage {

    @ExceptionHandler(OutsideYearGroupsException.class)
    String refused(OutsideYearGroupsException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        model.addAttribute("status", HttpStatus.FORBIDDEN.value());
        model.addAttribute("detail", e.getMessage());
        return "error";
    }
}
