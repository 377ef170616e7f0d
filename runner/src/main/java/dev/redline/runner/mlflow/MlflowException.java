package dev.redline.runner.mlflow;

/** An MLflow REST answer that is not a success: the HTTP status, MLflow's error_code and a one-line message. */
final class MlflowException extends RuntimeException {
    private final int status;
    private final String errorCode;

    MlflowException(int status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    boolean is(String code) {
        return code.equals(errorCode);
    }

    int status() { return status; }
}
