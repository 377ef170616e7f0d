package dev.redline.runner.mlflow;

import java.util.regex.Pattern;

/** Strips the user info (user:password@) from URLs in a text, for what is written to files or sent to MLflow. */
public final class UserInfo {
    private static final Pattern USERINFO = Pattern.compile("(\\w+://)[^/@\\s]+@");

    private UserInfo() { }

    public static String redact(String text) {
        return USERINFO.matcher(text).replaceAll("$1<redacted>@");
    }
}
