# The Debian package: `cpack -G DEB` in a build folder makes
# vindplaats_VERSION-1_ARCH.deb.  Runtime dependencies come from
# dpkg-shlibdeps (the libraries the programs link: libxapian30,
# libcmark0.30.2, libyaml-0-2, libjansson4, libmicrohttpd12 ...), never the
# -dev packages.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME vindplaats)
set(CPACK_PACKAGE_VENDOR "Vindplaats")
set(CPACK_PACKAGE_CONTACT "Vindplaats maintainers <vindplaats@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "full-text search for reports of Dutch municipal knowledge days")
set(CPACK_PACKAGE_DESCRIPTION
    "indexer turns Markdown reports into a Xapian database with facets (municipalities,\nspeakers, themes, dates); searchd serves faceted search over HTTP/JSON;\nvind searches from the command line.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Install with DESTDIR and the real prefix, so that /etc/default/vindplaats
# lands in /etc (packaging/CMakeLists.txt decides by the prefix).
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "xapian-tools")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${CMAKE_CURRENT_LIST_DIR}/conffiles")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
