package io.huikuan.common;

/** A thing the caller asked for does not exist or is outside the caller's portfolio (answers 404). */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String key) {
        super(what + " '" + key + "' not found");
    }
}
