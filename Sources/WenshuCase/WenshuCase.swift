// Loads case files; see CaseLoader.
import WenshuXML
