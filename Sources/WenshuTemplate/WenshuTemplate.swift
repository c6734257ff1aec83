// Form templates bound to the case by XPath.
