package org.stockalerts.common.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InternalAddressesTest {

    /** Every spelling of an internal address, the IPv4 ones hidden in IPv6 included, and public neighbours. */
    @ParameterizedTest(name = "{0} internal: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1                               | true
            127.255.255.254                         | true
            0.0.0.0                                 | true
            0.1.2.3                                 | true
            10.0.0.1                                | true
            172.16.5.4                              | true
            192.168.1.1                             | true
            169.254.169.254                         | true
            100.64.0.1                              | true
            100.127.255.254                         | true
            240.0.0.1                               | true
            255.255.255.255                         | true
            224.0.0.1                               | true
            ::                                      | true
            ::1                                     | true
            ::127.0.0.1                             | true
            ::ffff:127.0.0.1                        | true
            ::ffff:10.0.0.1                         | true
            64:ff9b::a9fe:a9fe                      | true
            64:ff9b::7f00:1                         | true
            64:ff9b:1::a9fe:a9fe                    | true
            2002:a9fe:a9fe::                        | true
            2002:7f00:1::1                          | true
            2001:0:4136:e378:8000:63bf:3fff:fdd2    | true
            fe80::1                                 | true
            fec0::1                                 | true
            fc00::1                                 | true
            fd00::1                                 | true
            fd00:ec2::254                           | true
            ff02::1                                 | true
            93.184.215.14                           | false
            8.8.8.8                                 | false
            100.128.0.1                             | false
            100.63.255.255                          | false
            2606:4700::1111                         | false
            ::ffff:8.8.8.8                          | false
            64:ff9b::808:808                        | false
            2002:808:808::1                         | false
            2001:db9::1                             | false
            """)
    void tellsInternalAddressesFromPublicOnes(String address, boolean internal) throws UnknownHostException {
        assertThat(InternalAddresses.isInternal(InetAddress.getByName(address))).isEqualTo(internal);
    }
}
