package org.stockalerts.api.web;

import org.springframework.http.HttpStatus;

/** Well-formed input that breaks a domain rule (a rule without its threshold, a refused webhook URL). */
public class UnprocessableException extends ApiException {

    public UnprocessableException(String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable input", detail);
    }
}
