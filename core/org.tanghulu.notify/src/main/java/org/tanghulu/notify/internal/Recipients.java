package org.tanghulu.notify.internal;

import org.tanghulu.notify.Channel;

/** Shows an address or phone number only as far as needed to tell which it is. */
final class Recipients {

    private Recipients() {
    }

    /**
     * @return for e-mail the first letter of the local part and the domain ({@code w***@example.cn});
     *         for a phone number every digit but the last four as {@code *}
     */
    static String mask(Channel channel, String recipient) {
        if (recipient == null) {
            return "";
        }
        if (channel == Channel.EMAIL) {
            int at = recipient.lastIndexOf('@');
            return at <= 0 ? "***" : recipient.charAt(0) + "***" + recipient.substring(at);
        }
        int digits = (int) recipient.chars().filter(Character::isDigit).count();
        StringBuilder out = new StringBuilder();
        int seen = 0;
        for (char ch : recipient.toCharArray()) {
            if (Character.isDigit(ch)) {
                out.append(++seen > digits - 4 ? ch : '*');
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
